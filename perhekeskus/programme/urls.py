"""Included under the indicators app's addresses (namespace indicators:programme)."""

from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("regions/", views.regions, name="regions"),
    path("regions/<str:code>/", views.region, name="region"),
    path("change-projects/new/", views.project_edit, name="project_new"),
    path("change-projects/<uuid:pk>/", views.project_edit, name="project_edit"),
    path("change-agents/new/", views.agent_edit, name="agent_new"),
    path("change-agents/<uuid:pk>/", views.agent_edit, name="agent_edit"),
]
