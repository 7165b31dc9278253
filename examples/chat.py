"""Chat: a streaming gr.ChatInterface (Stop cancels it, examples, additional inputs) and a hand-built
gr.Chatbot with like/dislike, retry, undo, a "thought" message and Markdown with code."""

import time

import gradio as gr


def stream_reply(message, history, persona, words):
    """Streams its reply word by word, so the Stop button has something to stop."""
    reply = f"[{persona}] You said: {message}."
    yield reply
    for i in range(int(words)):
        time.sleep(0.15)
        reply += f" word{i}"
        yield reply


def respond(message, history, count):
    """Echo the message; the first reply also shows a collapsible 'thought' (metadata title)."""
    count = count + 1
    history = history + [{"role": "user", "content": message}]
    if count == 1:
        history.append(gr.ChatMessage(role="assistant", content="Looked up the word list.",
                                      metadata={"title": "🔧 Used tool: dictionary", "status": "done"}))
    history.append({"role": "assistant", "content": f"Echo #{count}: **{message}**\n\n```python\nprint({message!r})\n```"})
    return "", history, count


def retry(history, count, data: gr.RetryData):
    """Drop the last reply and answer the last user message again."""
    while history and history[-1]["role"] != "user":
        history.pop()
    # Gradio 6 hands over each message's content as a list of parts: [{"type": "text", "text": …}].
    message = history.pop()["content"][0]["text"]
    _, history, count = respond(message, history, count)
    return history, count


def undo(history, data: gr.UndoData):
    """Drop the last turn and put its message back into the textbox."""
    while history and history[-1]["role"] != "user":
        history.pop()
    message = history.pop()["content"][0]["text"] if history else ""
    return history, message


def on_like(data: gr.LikeData):
    # liked: True, False, the feedback option chosen, or "" when the visitor takes their feedback back.
    verdict = "liked" if data.liked is True else "disliked" if data.liked is False else data.liked or "unliked"
    return f"{verdict} #{data.index}: {data.value}"


with gr.Blocks(title="Chat") as demo:
    with gr.Tab("Assistant"):
        gr.ChatInterface(
            stream_reply,
            type="messages",
            additional_inputs=[
                gr.Textbox("Helper", label="Persona", render=False),
                gr.Slider(1, 100, value=40, step=1, label="Words", render=False),
            ],
            examples=[["Hello", "Pirate", 3], ["Tell me a joke", "Robot", 2]],
            example_labels=["Say hello like a pirate", "A robot joke"],
            title="Streaming assistant",
            chatbot=gr.Chatbot(type="messages", elem_id="assistant-chatbot", label="Assistant", height=360,
                               placeholder="**Ask me anything**", render=False),
        )
    with gr.Tab("Blocks chat"):
        chatbot = gr.Chatbot(type="messages", elem_id="blocks-chatbot", label="Echo bot", buttons=["copy"],
                             placeholder="Type below to start", height=420)
        msg = gr.Textbox(label="Your message", placeholder="Type and press Enter")
        feedback = gr.Textbox(label="Feedback log")
        count = gr.State(0)
        msg.submit(respond, [msg, chatbot, count], [msg, chatbot, count])
        chatbot.retry(retry, [chatbot, count], [chatbot, count])
        chatbot.undo(undo, [chatbot], [chatbot, msg])
        chatbot.like(on_like, None, feedback)

if __name__ == "__main__":
    demo.launch()
