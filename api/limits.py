"""The API's limits, defined once: the views enforce them and the OpenAPI document states them."""

DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
# Longer parameters are refused: nobody types more, and a request must stay cheap.
MAX_PARAMETER_LENGTH = 200
