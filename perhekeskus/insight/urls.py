from django.urls import path

from . import views

app_name = "insight"

urlpatterns = [
    path("insight/", views.home, name="home"),
    path("insight/regions/", views.compare, name="compare"),
    path("insight/prevention/", views.shift, name="shift"),
    path("insight/definitions/", views.definitions, name="definitions"),
    path("statistics/", views.public_figures, name="public"),
]
