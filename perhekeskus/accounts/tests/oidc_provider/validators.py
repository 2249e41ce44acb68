from django.conf import settings
from oauth2_provider.oauth2_validators import OAuth2Validator


class ClaimsValidator(OAuth2Validator):
    # Give every claim regardless of scope, as identification brokers do for
    # the attributes agreed with the service.
    oidc_claim_scope = None

    def get_additional_claims(self, request):
        user = request.user
        claims = {
            "preferred_username": user.username,
            "given_name": user.first_name,
            "family_name": user.last_name,
            "email": user.email,
        }
        claims.update(settings.TEST_PROVIDER_CLAIMS.get(user.username, {}))
        return claims
