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
    path("families/<uuid:family_id>/members/add/", views.member_add, name="member_add"),
    path("families/<uuid:family_id>/members/newborn/", views.newborn_add, name="newborn_add"),
    path("families/<uuid:family_id>/members/<uuid:person_id>/", views.member, name="member"),
    *(
        path(
            f"families/<uuid:family_id>/members/<uuid:person_id>/{slug}/",
            view,
            name=f"member_{name}",
        )
        for slug, name, view in (
            ("end", "end", views.member_end),
            ("move", "move", views.member_move),
            ("death", "death", views.member_death),
            ("security-prohibition", "prohibition", views.member_prohibition),
            ("identity-code", "identity_code", views.member_identity_code),
            ("custody", "guardianship", views.member_guardianship),
            ("merge", "merge", views.member_merge),
        )
    ),
]
