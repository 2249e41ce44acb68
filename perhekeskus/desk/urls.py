from django.urls import path

from . import views

app_name = "desk"

urlpatterns = [
    path("desk/", views.home, name="home"),
    path("desk/manager/", views.manager, name="manager"),
    path("desk/notices/<uuid:notice_id>/read/", views.notice_read, name="notice_read"),
    path("our-family/", views.family, name="family"),
]
