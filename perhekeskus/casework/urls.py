from django.urls import path

from . import views

app_name = "casework"

urlpatterns = [
    path("ask-for-help/", views.ask_for_help, name="ask"),
    path("ask-for-help/<str:reference>/", views.receipt, name="receipt"),
    path("casework/on-behalf/", views.on_behalf, name="on_behalf"),
    path("casework/contacts/", views.queue, name="queue"),
    path("casework/contacts/<uuid:contact_id>/", views.contact_detail, name="contact"),
    path("casework/contacts/<uuid:contact_id>/take/", views.contact_take, name="contact_take"),
    path(
        "casework/contacts/<uuid:contact_id>/answer/", views.contact_answer, name="contact_answer"
    ),
    path(
        "casework/contacts/<uuid:contact_id>/unreachable/",
        views.contact_unreachable,
        name="contact_unreachable",
    ),
    path("casework/contacts/<uuid:contact_id>/link/", views.contact_link, name="contact_link"),
    path(
        "casework/contacts/<uuid:contact_id>/new-family/",
        views.contact_new_family,
        name="contact_new_family",
    ),
    path(
        "casework/contacts/<uuid:contact_id>/open-matter/",
        views.contact_open_matter,
        name="contact_open_matter",
    ),
    path("casework/matters/", views.matter_list, name="matters"),
    path("casework/matters/<uuid:matter_id>/", views.matter_detail, name="matter"),
    path("casework/matters/<uuid:matter_id>/worker/", views.matter_worker, name="matter_worker"),
    path("casework/matters/<uuid:matter_id>/team/", views.matter_team_add, name="matter_team_add"),
    path(
        "casework/matters/<uuid:matter_id>/team/<uuid:member_id>/remove/",
        views.matter_team_remove,
        name="matter_team_remove",
    ),
    path("casework/matters/<uuid:matter_id>/close/", views.matter_close, name="matter_close"),
    path(
        "casework/matters/<uuid:matter_id>/transfer/",
        views.matter_transfer,
        name="matter_transfer",
    ),
]
