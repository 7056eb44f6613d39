from django.urls import path

from baken.registry import views

app_name = "registry"

urlpatterns = [
    path("", views.overview_view, name="overview"),
    path("upload/", views.upload_view, name="upload"),
    path("review/", views.review_list_view, name="review"),
    path("review/<int:pair_id>/", views.review_pair_by_number_view, name="review_pair_number"),
    path(
        "review/<str:reference_a>/<str:reference_b>/",
        views.review_pair_view,
        name="review_pair",
    ),
    path("persons/", views.person_lookup_view, name="person_lookup"),
    path("persons/<str:reference>/", views.person_view, name="person"),
    path("persons/<str:reference>/split/", views.split_link_view, name="split_link"),
    path("persons/<str:reference>/join/", views.join_person_view, name="join_person"),
    path("upload/jobs/<int:job_id>/", views.link_job_view, name="link_job"),
    path("statistics/", views.statistics_view, name="statistics"),
    path("statistics/publish/", views.publish_view, name="publish"),
    path("statistics/export.csv", views.export_csv_view, name="export_csv"),
    path("statistics/export.xlsx", views.export_xlsx_view, name="export_xlsx"),
    path("statistics/report/<int:year>/", views.report_view, name="report"),
    path("statistics/report/<int:year>.pdf", views.report_pdf_view, name="report_pdf"),
    path("estimation/", views.estimation_view, name="estimation"),
    path("estimation/bootstrap/", views.bootstrap_view, name="bootstrap"),
    path("estimation/capture-table.csv", views.capture_table_view, name="capture_table"),
]
