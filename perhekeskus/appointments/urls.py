from django.urls import path

from . import views

app_name = "appointments"

urlpatterns = [
    path("appointments/", views.mine, name="mine"),
    path("appointments/calendar.ics", views.feed, name="feed"),
    path("appointments/video-service/", views.video_service, name="video_service"),
    path("appointments/<uuid:appointment_id>/", views.detail, name="detail"),
    path("appointments/<uuid:appointment_id>/cancel/", views.cancel, name="cancel"),
    path("appointments/<uuid:appointment_id>/outcome/", views.outcome, name="outcome"),
    path(
        "appointments/<uuid:appointment_id>/appointment.ics",
        views.appointment_ics,
        name="ics",
    ),
    path("appointments/matters/<uuid:matter_id>/book/", views.book, name="book"),
    path("appointments/notices/<uuid:reminder_id>/seen/", views.notice_seen, name="notice_seen"),
    path("my-appointments/", views.family_list, name="family_list"),
    path(
        "my-appointments/<uuid:appointment_id>/cancel/",
        views.family_cancel,
        name="family_cancel",
    ),
    path(
        "my-appointments/<uuid:appointment_id>/appointment.ics",
        views.family_ics,
        name="family_ics",
    ),
]
