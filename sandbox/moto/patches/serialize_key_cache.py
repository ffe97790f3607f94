"""Remembers where each response field is found, instead of working it out for every value.

moto's response serializer asks, for each field of each object it writes, a list of alias
providers where to read it (the field's name, its snake_case form, a prefix-less form...), and
checks each of its response transformers' paths against the field's path. The answers depend on
the field's shape and its parent shape, the object's class and the picker's class only, yet they
took half the time of a DescribeInstances with one instance in the page's Pyodide. Both are now
kept: the keys on the shape itself (botocore keeps shapes as long as their model, so nothing
outlives what it describes), and which of a transformer table's paths matches each field's path.
The values are still read from the object, and the transformer from its table, on every call:
moto changes a table at run time (CreateVpcPeeringConnection puts a new function in EC2's), so the
matches are found again whenever a table's size changes.

Not cached, and answered as before: a picker with other alias providers than moto's default, and an
object whose own instance (not its class) carries the Meta that ExplicitAlias reads."""
from patches._targets import expect
from patches._when_imported import when_imported


def _patch(serialize):
    from moto.core.utils import MISSING, get_value

    AttributePicker = serialize.AttributePicker
    # id(table) -> (table, its size then, {key path: the table's matching path or None}); the table
    # is held so that its id stays its own.
    matches_by_table = {}

    def possible_keys(picker, context):
        shape = context.shape
        obj = context.obj
        if picker.alias_providers is not serialize.DEFAULT_ALIAS_PROVIDERS or shape is None or "Meta" in getattr(obj, "__dict__", ()):
            return picker.get_possible_keys(context)
        cache = shape.__dict__.get("_infralabs_keys")
        if cache is None:
            cache = shape.__dict__["_infralabs_keys"] = {}
        parent = getattr(shape, "parent", None)
        slot = (type(picker), type(obj), context.key)
        known = cache.get(slot)
        if known is not None and known[0] is parent:
            return known[1]
        keys = tuple(picker.get_possible_keys(context))
        cache[slot] = (parent, keys)
        return keys

    def transform_for(table, key_path):
        entry = matches_by_table.get(id(table))
        if entry is None or entry[0] is not table or entry[1] != len(table):
            if len(matches_by_table) > 256:  # tables are class attributes: a few dozen at most
                matches_by_table.clear()
            entry = matches_by_table[id(table)] = (table, len(table), {})
        matches = entry[2]
        if key_path not in matches:
            # The first matching path wins, as in moto.
            matches[key_path] = next((path for path in table if key_path.endswith(path)), None)
        path = matches[key_path]
        return None if path is None else table[path]

    def __call__(self, context):
        obj = context.obj
        for possible_key in possible_keys(self, context):
            value = get_value(obj, possible_key, MISSING)
            if value is not MISSING:
                break
        else:
            value = None
        if self.response_transformers:
            transform = transform_for(self.response_transformers, f"{context.key_path}.{context.key}")
            if transform is not None:
                value = transform(value)
        return value

    AttributePicker.__call__ = __call__


expect("moto.core.serialize", "AttributePicker.__call__", "AttributePicker.get_possible_keys", "DEFAULT_ALIAS_PROVIDERS")
expect("moto.core.utils", "MISSING", "get_value")
when_imported("moto.core.serialize", _patch)
