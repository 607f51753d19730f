from django.urls import path

from enlace.reporting.views import cycles, frameworks, submissions, tables, workbooks

app_name = "reporting"
urlpatterns = [
    path("", cycles.cycle_list, name="list"),
    path("cycles/new/", cycles.cycle_create, name="cycle_create"),
    path("cycles/<int:pk>/", cycles.cycle_detail, name="cycle"),
    path("cycles/<int:pk>/start/", cycles.cycle_start_report, name="cycle_start"),
    path("cycles/<int:pk>/remind/", cycles.cycle_remind, name="cycle_remind"),
    path("cycles/<int:pk>/publish/", cycles.cycle_publish_view, name="cycle_publish"),
    path("cycles/<int:pk>/table/", tables.regional_table, name="table"),
    path("cycles/<int:pk>/table.<str:fmt>", tables.regional_export, name="table_export"),
    path("cycles/<int:pk>/report.<str:fmt>", tables.regional_report, name="report"),
    path("cycles/<int:pk>/unodc.xlsx", tables.unodc_export, name="unodc"),
    path("countries/<str:code>/", tables.country_view, name="country"),
    path("reports/<int:pk>/", submissions.submission_detail, name="submission"),
    path("reports/<int:pk>/save/", submissions.submission_save, name="submission_save"),
    path("reports/<int:pk>/submit/", submissions.submission_submit, name="submission_submit"),
    path("reports/<int:pk>/review/", submissions.submission_review, name="submission_review"),
    path("reports/<int:pk>/comment/", submissions.submission_comment, name="submission_comment"),
    path("reports/<int:pk>/evidence/", submissions.evidence_upload, name="evidence_upload"),
    path("reports/<int:pk>/evidence/<int:evidence_pk>/", submissions.evidence_download, name="evidence"),
    path("reports/<int:pk>/form.xlsx", workbooks.form_download, name="form_xlsx"),
    path("reports/<int:pk>/upload/", workbooks.form_upload, name="form_upload"),
    path("frameworks/", frameworks.framework_list, name="frameworks"),
    path("frameworks/import/", frameworks.framework_import, name="framework_import"),
    path("frameworks/<int:pk>/", frameworks.framework_detail, name="framework"),
    path("frameworks/<int:pk>/export.xlsx", frameworks.framework_export, name="framework_export"),
    path("indicators/<int:pk>/edit/", frameworks.indicator_edit, name="indicator_edit"),
]
