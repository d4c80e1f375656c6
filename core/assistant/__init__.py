"""The design assistant: a conversation whose replies are commands on the document's undo stack.

Providers (the offline planner, OpenAI-compatible LLMs) implement `Provider`; `DesignSession`
binds a provider to a document, its command stack and the conversation.
"""
