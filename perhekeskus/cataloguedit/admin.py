"""Read-only admin views: changes move only through the services' transitions."""

from django.contrib import admin

from .models import LinkCheck, ServiceChange, ServiceVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ServiceChange)
class ServiceChangeAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "organization", "state", "submitted_at", "reviewed_at"]
    list_filter = ["state"]


@admin.register(ServiceVersion)
class ServiceVersionAdmin(ReadOnlyAdmin):
    list_display = ["pk", "service_key", "kind", "created_at", "created_by"]
    list_filter = ["kind"]


@admin.register(LinkCheck)
class LinkCheckAdmin(ReadOnlyAdmin):
    list_display = ["url", "service", "status_code", "ok", "elapsed_ms", "checked_at"]
    list_filter = ["ok"]
