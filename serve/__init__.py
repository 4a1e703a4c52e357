"""Ray Serve app: FastAPI routes, request/response schemas, error mapping."""
