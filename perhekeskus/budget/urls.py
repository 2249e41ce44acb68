from django.urls import path

from . import views

app_name = "budget"

urlpatterns = [
    path("child-budget/", views.overview, name="overview"),
    path("child-budget/export.<str:fmt>", views.export, name="export"),
    path("child-budget/compare/", views.compare, name="compare"),
    path("child-budget/import/", views.import_accounts, name="import"),
    path("child-budget/mapping/", views.mapping, name="mapping"),
    path("child-budget/mapping/edit/", views.mapping_edit, name="mapping_edit"),
    path("child-budget/population/", views.population, name="population"),
]
