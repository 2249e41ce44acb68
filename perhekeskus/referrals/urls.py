from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("referrals/inbox/", views.inbox, name="inbox"),
    path("referrals/received/<uuid:referral_id>/", views.received_detail, name="received"),
    path(
        "referrals/received/<uuid:referral_id>/accept/",
        views.received_accept,
        name="accept",
    ),
    path(
        "referrals/received/<uuid:referral_id>/decline/",
        views.received_decline,
        name="decline",
    ),
    path("referrals/received/<uuid:referral_id>/done/", views.received_done, name="done"),
    path("casework/matters/<uuid:matter_id>/referrals/new/", views.referral_new, name="new"),
    path(
        "casework/matters/<uuid:matter_id>/referrals/<uuid:referral_id>/",
        views.referral_detail,
        name="detail",
    ),
    path(
        "casework/matters/<uuid:matter_id>/referrals/<uuid:referral_id>/edit/",
        views.referral_edit,
        name="edit",
    ),
    path(
        "casework/matters/<uuid:matter_id>/referrals/<uuid:referral_id>/send/",
        views.referral_send,
        name="send",
    ),
    path(
        "casework/matters/<uuid:matter_id>/referrals/<uuid:referral_id>/withdraw/",
        views.referral_withdraw,
        name="withdraw",
    ),
]
