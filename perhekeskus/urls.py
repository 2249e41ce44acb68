from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from perhekeskus import platform_admin
from perhekeskus.accounts.urls import allauth_provider_urlpatterns, allauth_urlpatterns
from perhekeskus.api import api
from perhekeskus.catalogue.hsds.api import hsds_api
from perhekeskus.web import views as web_views

handler400 = "perhekeskus.web.views.bad_request"
handler403 = "perhekeskus.web.views.permission_denied"
handler404 = "perhekeskus.web.views.page_not_found"
handler500 = "perhekeskus.web.views.server_error"

urlpatterns = [
    path("api/v1/docs", web_views.api_docs, name="api_docs"),
    path("api/v1/", api.urls),
    path("api/hsds/", hsds_api.urls),
    path("healthz", web_views.healthz, name="healthz"),
    # OpenID Connect login and callback: one address for every language.
    path("accounts/", include(allauth_provider_urlpatterns)),
]

urlpatterns += i18n_patterns(
    path("", include("perhekeskus.catalogue.urls")),
    path("", include("perhekeskus.web.urls")),
    path("", include("perhekeskus.accessibility.urls")),
    path("", include("perhekeskus.families.urls")),
    path("", include("perhekeskus.audit.urls")),
    path("", include("perhekeskus.cataloguedit.urls")),
    path("", include("perhekeskus.casework.urls")),
    path("", include("perhekeskus.planning.urls")),
    path("", include("perhekeskus.referrals.urls")),
    path("", include("perhekeskus.appointments.urls")),
    path("", include("perhekeskus.desk.urls")),
    path("", include("perhekeskus.indicators.urls")),
    path("", include("perhekeskus.insight.urls")),
    path("", include("perhekeskus.impact.urls")),
    path("", include("perhekeskus.budget.urls")),
    path("", include("perhekeskus.administration.urls")),
    path("platform-admin/", platform_admin.site.urls),
    path("accounts/", include("perhekeskus.accounts.urls")),
    path("accounts/", include(allauth_urlpatterns)),
    prefix_default_language=False,
)
