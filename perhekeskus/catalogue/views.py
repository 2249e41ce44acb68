from django.shortcuts import render
from django.views.decorators.http import require_safe

from perhekeskus.web.access import public


@public
@require_safe
def home(request):
    return render(request, "catalogue/home.html")
