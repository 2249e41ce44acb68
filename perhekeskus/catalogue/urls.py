from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("", views.home, name="home"),
    path("services/", views.search, name="search"),
    path("services/<uuid:service_id>/", views.service_detail, name="service"),
    path("e-services/", views.e_services, name="e_services"),
]
