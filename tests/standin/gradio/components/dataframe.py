"""gr.Dataframe: a table on the wire as {"headers": [...], "data": [[...], ...]}.

The stand-in has no pandas or numpy: a Dataframe read as an input needs type="array" (a list of
rows), and handlers return lists of rows or {"headers", "data"} dicts.
"""
from .. import portability
from .base import Component

TYPES = ("pandas", "numpy", "array")
EMPTY_CELL = {"str": "", "number": 0, "bool": False, "date": "01/01/1970", "markdown": "", "html": ""}


def _count(count, default):
    if count is None:
        return default
    return int(count) if isinstance(count, (int, float)) else int(count[0])


class Dataframe(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "headers", "row_count", "col_count", "datatype", "type", "latex_delimiters", "label", "every",
        "show_label", "height", "scale", "min_width", "interactive", "visible", "elem_id", "elem_classes",
        "render", "wrap",
    ])
    # Gradio 3.41's Dataframe.update() takes no headers or datatype: change them through the value.
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "label", "show_label", "latex_delimiters", "scale", "min_width", "height", "interactive",
        "visible",
    ])
    GRADIO3_AND_4_EVENTS = ("change", "input", "select")

    def configure(self):
        headers = self.props.get("headers")
        columns = _count(self.props.get("col_count"), len(headers) if headers else 3)
        if headers is not None and len(headers) != columns:
            raise ValueError(f"The length of the headers list must be equal to the col_count int.\n"
                             f"The column count is set to {columns} but `headers` has {len(headers)} items.")
        self.headers = list(headers) if headers is not None else [str(i) for i in range(1, columns + 1)]
        kind = self.props.get("type", "pandas")
        if kind == "polars":
            portability.warn(self, "kwarg_value", "type='polars' is Gradio 4.x only", name="type")
        elif kind not in TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {kind}. Please choose from one of: {list(TYPES)}")
        datatype = self.props.get("datatype", "str")
        column_types = datatype if isinstance(datatype, list) else [datatype] * columns
        rows = _count(self.props.get("row_count"), 1)
        self._empty_rows = [[EMPTY_CELL.get(t, "") for t in column_types] for _ in range(rows)]

    def postprocess(self, value):
        if value is None:
            return self.postprocess(self._empty_rows)
        if isinstance(value, dict):
            return {"headers": list(value.get("headers", [])), "data": self._rows(value.get("data", [[]]))}
        if not isinstance(value, (list, tuple)):
            raise NotImplementedError(f"stand-in: {self!r} takes a list of rows or a {{'headers', 'data'}} dict, "
                                      f"not {type(value).__name__}")
        if len(value) == 0:
            portability.warn(self, "version_difference", "an empty list drops the headers in Gradio 3.41 (4.x "
                                                         "keeps them); return {'headers': [...], 'data': []}",
                             name="value")
            return {"headers": [], "data": [[]]}
        rows = self._rows(value)
        width = len(rows[0])
        headers = self.headers[:width] + [str(i) for i in range(len(self.headers) + 1, width + 1)]
        return {"headers": headers, "data": rows}

    def _rows(self, rows):
        if not all(isinstance(row, (list, tuple)) for row in rows):
            raise ValueError(f"{self!r} expects a list of rows (lists), got {rows!r:.200}")
        return [list(row) for row in rows]

    def preprocess(self, payload):
        data = payload.get("data", []) if isinstance(payload, dict) else payload
        kind = self.props.get("type", "pandas")
        if kind != "array":
            raise NotImplementedError(f"stand-in: {self!r} has type={kind!r}, which hands the handler a {kind} "
                                      "object; the stand-in has no pandas/numpy. Use type='array' (list of rows).")
        return [list(row) for row in data or []]


DataFrame = Dataframe
