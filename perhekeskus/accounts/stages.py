"""The second-factor step of the sign-in flow."""

from allauth.mfa.stages import AuthenticateStage

from .second_factor import demo_exempt, idp_handles_second_factor


class SecondFactorStage(AuthenticateStage):
    """allauth's TOTP step, skipped for demo users in demo mode only, and when
    the organisation's identity provider has already asked for two factors."""

    def _should_handle(self, request) -> bool:
        user = self.login.user
        if user is not None and (demo_exempt(user) or idp_handles_second_factor(request, user)):
            return False
        return super()._should_handle(request)
