"""The OpenAI-compatible LLM provider of the design assistant.

presets.py (which service, which URL), client.py (streamed chat completions over httpx),
tools.py (the tool schemas, their validation and execution into commands on a copy of the document)
and provider.py (the conversation loop with repair rounds and the offline fallback). The model only
ever returns JSON that we validate; nothing it writes is executed as code. Depends on core only.
"""
