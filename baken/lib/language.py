from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    """Dutch unless the user chose otherwise in Baken (the language cookie).

    The browser's Accept-Language is ignored on purpose: Dutch is Baken's working language, and
    a worker on an English-language laptop should not get a different interface than colleagues.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        available = {code for code, _name in settings.LANGUAGES}
        translation.activate(chosen if chosen in available else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
