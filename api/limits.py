"""The API's limits, defined once: the views enforce them and the OpenAPI document states them."""

DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
# Longer parameters are refused: nobody types more, and a request must stay cheap.
MAX_PARAMETER_LENGTH = 200
# Past the counted total (articles.pagination.COUNT_BOUND), pages are read until one is empty, up to
# this number (a larger one answers 404 without reading: its offset is no use to anyone).
MAX_PAGE_NUMBER = 1_000_000
