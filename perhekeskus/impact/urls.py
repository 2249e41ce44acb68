from django.urls import path

from . import views

app_name = "impact"

urlpatterns = [
    # The tool (preparing officials; readers with statistics rights).
    path("impact/", views.assessment_list, name="list"),
    path("impact/new/", views.new, name="new"),
    path("impact/<uuid:assessment_id>/", views.detail, name="detail"),
    path("impact/<uuid:assessment_id>/screening/", views.screening, name="screening"),
    path("impact/<uuid:assessment_id>/steps/<slug:slug>/", views.step, name="step"),
    path("impact/<uuid:assessment_id>/history/", views.history, name="history"),
    path("impact/<uuid:assessment_id>/sign-off/", views.sign, name="sign"),
    path("impact/<uuid:assessment_id>/publish/", views.publish, name="publish"),
    path("impact/<uuid:assessment_id>/reopen/", views.reopen, name="reopen"),
    path("impact/<uuid:assessment_id>/pdf/", views.draft_pdf, name="draft_pdf"),
    path("impact/notices/<int:notice_id>/read/", views.notice_read, name="notice_read"),
    # Published assessments, open to everyone.
    path("child-impact-assessments/", views.public_list, name="public_list"),
    path(
        "child-impact-assessments/<uuid:assessment_id>/",
        views.public_detail,
        name="public_detail",
    ),
    path(
        "child-impact-assessments/<uuid:assessment_id>/pdf/",
        views.public_pdf,
        name="public_pdf",
    ),
]
