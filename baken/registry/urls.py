from django.urls import path

from baken.registry import views

app_name = "registry"

urlpatterns = [
    path("", views.overview_view, name="overview"),
    path("upload/", views.upload_view, name="upload"),
    path("review/", views.review_list_view, name="review"),
    path("review/<int:pair_id>/", views.review_pair_view, name="review_pair"),
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
