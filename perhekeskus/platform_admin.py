"""The platform administrators' site for the shared vocabularies.

Django's admin serves the vocabularies only — methods, taxonomy terms
(target groups, life situations… in three languages), languages, the
organisation kinds' names (the codes are fixed; a kind is only renamed), the
organiser's voucher and purchased-service providers and the organisations'
video services — on a site of its own (the default admin site is not
served). It sits beside the root URLconf because it registers models of
apps on every layer. Three rules hold:

- it needs ``administer_platform`` (``User.is_superuser``, decision 0014);
  a signed-in user without it is refused (403), an anonymous visitor is sent
  to the site's own sign-in, which asks for the second factor — the admin's
  own sign-in form is never shown;
- every page it answers to a platform administrator is written into the
  access log (a read, or a write for POST), with the path;
- every view carries an access policy, for the URL walk.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from perhekeskus.access.actor import actor_for
from perhekeskus.access.log import Action, Subject, record
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.selectors import user_capabilities
from perhekeskus.appointments.models import VideoService
from perhekeskus.catalogue.admin import TaxonomyTermAdmin
from perhekeskus.catalogue.models import Language, OrganizationKindName, TaxonomyTerm
from perhekeskus.families.models import ServiceProvision
from perhekeskus.planning.admin import MethodAdmin
from perhekeskus.planning.models import Method
from perhekeskus.web.access import AUTHENTICATION, CAPABILITY_PREFIX, mark

POLICY = CAPABILITY_PREFIX + Capability.ADMINISTER_PLATFORM


def is_platform_administrator(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and Capability.ADMINISTER_PLATFORM in user_capabilities(user)
    )


class PlatformAdminSite(admin.AdminSite):
    site_header = _("Platform administration")
    site_title = _("Platform administration")
    index_title = _("Shared vocabularies")
    enable_nav_sidebar = False

    def has_permission(self, request) -> bool:
        return is_platform_administrator(request.user)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not self.has_permission(request):
                raise PermissionDenied
            response = inner(request, *args, **kwargs)
            record(
                actor_for(request.user),
                Subject(f"platform administration: {request.path}"[:300]),
                action=Action.WRITE if request.method == "POST" else Action.READ,
                detail=f"{request.method} {response.status_code}",
                request=request,
            )
            return response

        return mark(guarded, POLICY)

    def get_urls(self):
        """Django's patterns, each view marked with the site's policy (the
        patterns call ``admin_view`` lazily, so the mark goes on them)."""
        from django.urls import URLPattern, URLResolver

        def marked(patterns):
            for entry in patterns:
                if isinstance(entry, URLResolver):
                    marked(entry.url_patterns)
                elif isinstance(entry, URLPattern) and entry.name not in ("login", "logout"):
                    mark(entry.callback, POLICY)
            return patterns

        return marked(super().get_urls())

    def login(self, request, extra_context=None):
        """The site's own sign-in, with the second factor."""
        return redirect_to_login(request.GET.get("next") or self.index_url())

    def logout(self, request, extra_context=None):
        return redirect("account_logout")

    def password_change(self, request, extra_context=None):
        """The site's own password change (it asks for the current password)."""
        return redirect("account_change_password")

    def password_change_done(self, request, extra_context=None):
        return redirect("accounts:profile")

    def index_url(self) -> str:
        from django.urls import reverse

        return reverse(f"{self.name}:index")


mark(PlatformAdminSite.login, AUTHENTICATION)
mark(PlatformAdminSite.logout, AUTHENTICATION)


class LanguageAdmin(TranslationAdmin):
    list_display = ("name", "code")


class OrganizationKindNameAdmin(TranslationAdmin):
    """The organisation kinds' names and descriptions. The codes are fixed —
    the rules read them (who is public, which sector a disclosure goes to…) —
    so a kind is only renamed here, never added or deleted (decision 0014)."""

    list_display = ("name", "kind")
    readonly_fields = ("kind",)
    fields = ("kind", "name", "description")

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ServiceProvisionAdmin(admin.ModelAdmin):
    list_display = ("provider", "organiser", "kind", "starts_on", "ends_on")
    list_filter = ("kind",)


class VideoServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "organization", "is_active")
    list_filter = ("is_active",)


site = PlatformAdminSite(name="platform_admin")
site.register(Method, MethodAdmin)
site.register(TaxonomyTerm, TaxonomyTermAdmin)
site.register(Language, LanguageAdmin)
site.register(OrganizationKindName, OrganizationKindNameAdmin)
site.register(ServiceProvision, ServiceProvisionAdmin)
site.register(VideoService, VideoServiceAdmin)
