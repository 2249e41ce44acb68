from django.urls import path

from . import views

app_name = "planning"

M = "casework/matters/<uuid:matter_id>/"

urlpatterns = [
    path(M + "assessment/", views.assessment, name="assessment"),
    path(M + "assessment/start/", views.assessment_start, name="assessment_start"),
    path(M + "assessment/cosign/", views.assessment_cosign, name="assessment_cosign"),
    path(M + "assessment/complete/", views.assessment_complete, name="assessment_complete"),
    path(M + "assessment/history/", views.assessment_history, name="assessment_history"),
    path(M + "assessment/part/<str:part>/", views.section_edit, name="section_edit"),
    path(M + "assessment/child/<uuid:child_id>/", views.child_view_edit, name="child_view_edit"),
    path(M + "plan/", views.plan, name="plan"),
    path(M + "plan/edit/", views.plan_edit, name="plan_edit"),
    path(M + "plan/agree/", views.plan_agree, name="plan_agree"),
    path(M + "plan/not-needed/", views.plan_not_needed, name="plan_not_needed"),
    path(M + "plan/history/", views.plan_history, name="plan_history"),
    path(M + "plan/comment/", views.plan_reply, name="plan_reply"),
    path(
        M + "plan/actions/<uuid:action_id>/<str:step>/",
        views.action_step,
        name="action_step",
    ),
    path("my-plan/", views.my_plan, name="my_plan"),
    path("my-plan/<uuid:plan_id>/comment/", views.my_plan_comment, name="my_plan_comment"),
]
