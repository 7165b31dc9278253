"""Components made with gr.HTML, as in Gradio 6: templates filled with value and props, js_on_load events,
a subclass, a layout with @children, server functions and a custom event."""

import os
from urllib.parse import quote

import gradio as gr

STAR = "data:image/svg+xml," + quote(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#f5b301" stroke="#a87b00" '
    'd="M12 2l3 7h7l-5.5 4.5 2 7.5-6.5-4.5-6.5 4.5 2-7.5L2 9h7z"/></svg>'
)


class StarRating(gr.HTML):
    """Click a star to rate; the value is the number of stars."""

    def __init__(self, label, value=0, max_stars=5, size=36, **kwargs):
        super().__init__(
            value=value,
            label=label,
            max_stars=max_stars,
            size=size,
            star=STAR,
            html_template="""
            <h3>${label}</h3>
            ${Array.from({length: max_stars}, (_, i) => `<img alt='star ${i + 1}' class='${i < value ? "" : "faded"}' src='${star}'>`).join('')}
            <span class='score'>${value} / ${max_stars}</span>
            """,
            css_template="""
            img { height: ${size}px; cursor: pointer; }
            .faded { filter: grayscale(100%); opacity: 0.3; }
            .score { margin-left: 8px; }
            """,
            js_on_load="""
            element.addEventListener('click', (e) => {
                const star = e.target.closest('img');
                if (star) props.value = [...element.querySelectorAll('img')].indexOf(star) + 1;
            });
            """,
            **kwargs,
        )


def list_folder(path):
    return sorted(os.listdir(path))[:8]


with gr.Blocks(title="Custom HTML") as demo:
    gr.Markdown("# Custom components with gr.HTML")
    with gr.Row():
        food = StarRating("Food", value=3, elem_id="food")
        service = StarRating("Service", value=4, elem_id="service")
    with gr.Row():
        stars = gr.Slider(3, 10, value=5, step=1, label="Stars")
        size = gr.Slider(16, 64, value=36, step=1, label="Star size")
    verdict = gr.Textbox(label="Verdict")
    food.change(lambda f, s: f"Food {f}, service {s}", [food, service], verdict)
    service.change(lambda f, s: f"Food {f}, service {s}", [food, service], verdict)
    stars.change(lambda n: [gr.HTML(max_stars=n), gr.HTML(max_stars=n)], stars, [food, service])
    size.change(lambda px: [gr.HTML(size=px), gr.HTML(size=px)], size, [food, service])

    dishes = gr.HTML(
        ["Soup", "Pie"],
        html_template="<p>${value.length} dishes:</p><ul>{{#each value}}<li>{{this}}</li>{{/each}}</ul>",
        elem_id="dishes",
    )
    dish = gr.Textbox(label="Add a dish")
    dish.submit(lambda d, items: [*items, d], [dish, dishes], dishes)

    with gr.HTML(
        html_template="<h3>${title}</h3>@children<button class='send'>Send review</button>",
        css_template="border: 2px solid var(--border-color-primary); border-radius: 12px; padding: 16px;",
        js_on_load="element.querySelector('.send').addEventListener('click', () => trigger('submit'));",
        title="Your review",
        elem_id="review",
    ) as review:
        name = gr.Textbox(label="Your name")
        comment = gr.Textbox(label="Comment")
    sent = gr.Textbox(label="Sent")
    review.submit(lambda n, c, f: f"{n} ({f} stars): {c}", [name, comment, food], sent)

    folder = gr.HTML(
        os.path.dirname(os.path.abspath(__file__)),
        html_template="<p>Folder <code>${value}</code></p><button class='list'>List files</button><ol class='files'></ol>",
        js_on_load="""
        element.querySelector('.list').addEventListener('click', async () => {
            const names = await server.list_folder(props.value);
            element.querySelector('.files').replaceChildren(...names.map((n) => {
                const li = document.createElement('li');
                li.textContent = n;
                return li;
            }));
        });
        """,
        server_functions=[list_folder],
        elem_id="folder",
    )

    keys = gr.HTML(
        html_template="<p>Press a key anywhere on the page.</p>",
        js_on_load="document.addEventListener('keydown', (e) => trigger('keypress', {key: e.key}));",
    )
    pressed = gr.Textbox(label="Key pressed")

    def key_of(evt: gr.EventData):
        return evt.key

    keys.keypress(key_of, None, pressed)

if __name__ == "__main__":
    demo.launch()
