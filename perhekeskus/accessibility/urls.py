from django.urls import path

from . import views

app_name = "accessibility"

urlpatterns = [
    path("accessibility/", views.statement_page, name="statement"),
    path("accessibility/feedback/", views.feedback, name="feedback"),
    path("accessibility/feedback/sent/", views.feedback_sent, name="feedback_sent"),
    path("accessibility/feedback/queue/", views.queue, name="queue"),
    path("accessibility/feedback/<uuid:feedback_id>/handle/", views.handle, name="handle"),
]
