"""Remembers the XML element names xmltodict found valid, instead of checking them character by
character for every element of every response.

moto writes its XML responses with xmltodict.unparse, which checks each element's name (no
whitespace, quotes, "<", "/"...) each time it writes one: a tenth of a DescribeInstances with one
instance in the page's Pyodide. The names come from the services' models, a few thousand at most.
A name is remembered only once the check passed, so an invalid one still raises every time.
Nothing changes if xmltodict no longer has the check (it is a speed-up only)."""
import xmltodict

_MOST = 10_000  # names: far more than the models hold; the set starts over past it

_check = getattr(xmltodict, "_validate_name", None)
if _check is not None:
    _valid = set()

    def _validate_name(value, kind):
        if isinstance(value, str) and value in _valid:
            return
        _check(value, kind)
        if len(_valid) >= _MOST:
            _valid.clear()
        _valid.add(value)

    xmltodict._validate_name = _validate_name
