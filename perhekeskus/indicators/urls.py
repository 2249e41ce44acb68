from django.urls import include, path

from . import views

app_name = "indicators"

urlpatterns = [
    path("indicators/", views.indicator_list, name="list"),
    path("indicators/import/", views.import_file, name="import"),
    path("indicators/imports/", views.import_runs, name="runs"),
    path("indicators/<str:code>/", views.indicator_detail, name="detail"),
    path("indicators/<str:code>/export.<str:fmt>", views.indicator_export, name="export"),
    # Regions, change projects and agents (the programme app has no addresses of its own).
    path("", include("perhekeskus.programme.urls")),
]
