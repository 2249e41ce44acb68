from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/log.csv", views.my_data_csv, name="my_data_csv"),
    path("my-data/log.pdf", views.my_data_pdf, name="my_data_pdf"),
    path("audit/", views.review_list, name="reviews"),
    path("audit/emergency/<uuid:grant_id>/review/", views.review, name="review"),
    path("audit/log/", views.log_search, name="log_search"),
]
