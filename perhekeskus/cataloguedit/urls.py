from django.urls import path

from . import views

app_name = "cataloguedit"
urlpatterns = [
    path("provider/services/", views.our_services, name="our_services"),
    path("provider/services/new/", views.start_new, name="start_new"),
    path("provider/services/<uuid:service_id>/edit/", views.start_edit, name="start_edit"),
    path("provider/changes/<uuid:change_id>/", views.edit, name="edit"),
    path("provider/changes/<uuid:change_id>/submit/", views.submit, name="submit"),
    path("provider/changes/<uuid:change_id>/rebase/", views.rebase, name="rebase"),
    path("catalogue-review/", views.worklist, name="worklist"),
    path("catalogue-review/<uuid:change_id>/", views.review, name="review"),
    path("catalogue-review/<uuid:change_id>/approve/", views.approve, name="approve"),
    path("catalogue-review/<uuid:change_id>/reject/", views.reject, name="reject"),
    path("catalogue-history/<uuid:service_key>/", views.history, name="history"),
]
