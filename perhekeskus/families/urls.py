from django.urls import path

from . import views

app_name = "families"
urlpatterns = [
    path("families/", views.family_list, name="list"),
    path("families/new/", views.new_client, name="new_client"),
    path("families/special-access/", views.special_access_view, name="special_access"),
    path("families/<uuid:family_id>/", views.family_detail, name="detail"),
    path("families/<uuid:family_id>/print/", views.family_print, name="print"),
    path("families/<uuid:family_id>/members.csv", views.family_csv, name="csv"),
    path("families/<uuid:family_id>/consents/new/", views.consent_new, name="consent_new"),
    path(
        "families/<uuid:family_id>/consents/<uuid:consent_id>/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("families/<uuid:family_id>/disclosure/", views.disclosure, name="disclosure"),
]
