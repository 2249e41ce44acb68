from django.urls import path

from . import views

app_name = "administration"
urlpatterns = [
    path("administration/", views.home, name="home"),
    path("administration/units/new/", views.unit_new, name="unit_new"),
    path("administration/units/<uuid:unit_id>/", views.unit_detail, name="unit"),
    path("administration/units/<uuid:unit_id>/edit/", views.unit_edit, name="unit_edit"),
    path(
        "administration/units/<uuid:unit_id>/deactivate/",
        views.unit_deactivate,
        name="unit_deactivate",
    ),
    path(
        "administration/units/<uuid:unit_id>/reactivate/",
        views.unit_reactivate,
        name="unit_reactivate",
    ),
    path("administration/people/", views.people, name="people"),
    path("administration/people/new/", views.person_new, name="person_new"),
    path("administration/people/<uuid:user_id>/", views.person_detail, name="person"),
    path("administration/people/<uuid:user_id>/edit/", views.person_edit, name="person_edit"),
    path(
        "administration/people/<uuid:user_id>/deactivate/",
        views.person_deactivate,
        name="person_deactivate",
    ),
    path(
        "administration/people/<uuid:user_id>/reactivate/",
        views.person_reactivate,
        name="person_reactivate",
    ),
    path(
        "administration/people/<uuid:user_id>/reset-two-step/",
        views.person_reset_second_factor,
        name="person_reset_second_factor",
    ),
    path(
        "administration/people/<uuid:user_id>/password-reset/",
        views.person_password_reset,
        name="person_password_reset",
    ),
    path("administration/people/<uuid:user_id>/delete/", views.person_delete, name="person_delete"),
    path(
        "administration/people/<uuid:user_id>/memberships/new/",
        views.membership_new,
        name="membership_new",
    ),
    path(
        "administration/memberships/<uuid:membership_id>/edit/",
        views.membership_edit,
        name="membership_edit",
    ),
    path(
        "administration/memberships/<uuid:membership_id>/end/",
        views.membership_end,
        name="membership_end",
    ),
    path(
        "administration/memberships/<uuid:membership_id>/protected-address/",
        views.grant_new,
        name="grant_new",
    ),
    path(
        "administration/protected-address/<uuid:grant_id>/revoke/",
        views.grant_revoke,
        name="grant_revoke",
    ),
]
