"""The ceiling the cached responses are measured against: Django returning JSON, nothing else."""

from django.http import JsonResponse

# Filled by the benchmark with the events list's own JSON, so the payloads are alike.
STATIC_PAYLOAD = {}


def bare_json(request):
    return JsonResponse(STATIC_PAYLOAD)


def tiny_json(request):
    return JsonResponse({"ok": True})
