"""Signing in: gr.LoginButton explains that Hugging Face sign-in needs a server (OAuth parameters get None),
and launch(auth=…) puts Gradio's login form in front of the app."""

from pathlib import Path

from playwright.sync_api import expect

GRADIO_DEMOS = Path(__file__).resolve().parents[1] / "data" / "gradio_demos"  # vendored: see its README.md

OAUTH_APP = """
import gradio as gr

def who(profile: gr.OAuthProfile | None, token: gr.OAuthToken | None):
    return f"profile={profile!r} token={token!r}"

def members_only(profile: gr.OAuthProfile):
    return f"hello {profile.username}"

with gr.Blocks() as demo:
    login = gr.LoginButton()
    clicks = gr.Number(label="Clicks", value=0)
    seen = gr.Textbox(label="Seen")
    private = gr.Textbox(label="Private")
    login.click(lambda n: n + 1, clicks, clicks)
    demo.load(who, None, seen)
    gr.Button("Members only").click(members_only, None, private)
"""

AUTH_APP = """
import gradio as gr

def greet(request: gr.Request):
    return f"Hello {request.username}"

with gr.Blocks() as demo:
    hello = gr.Textbox(label="Greeting")
    demo.load(greet, None, hello)

demo.launch(auth=lambda user, password: password == user[::-1], auth_message="Your password is your name backwards.")
"""


def gradio_demo(name: str) -> Path:
    return GRADIO_DEMOS / name / "run.py"


def test_login_button_looks_like_gradios_and_explains_itself(open_app, source_url):
    page = open_app(source_url("oauth_app.py", OAUTH_APP))
    button = page.get_by_role("button", name="Sign in with Hugging Face")
    expect(button).to_have_class("wb-button wb-login-button lg huggingface")
    expect(button.locator("svg")).to_be_visible()  # the Hugging Face logo
    # Nobody is signed in without Gradio's server: optional OAuth parameters get None, as in Gradio.
    expect(page.get_by_label("Seen")).to_have_value("profile=None token=None")
    button.click()
    toast = page.get_by_test_id("toast-body")
    expect(toast).to_contain_text("Sign-in needs a server")
    expect(toast).to_contain_text("runs entirely in your browser")
    expect(page.get_by_label("Clicks")).to_have_value("1")  # the app's own click listener still runs
    button.click()
    expect(page.get_by_label("Clicks")).to_have_value("2")
    expect(toast).to_have_count(1)  # one explanation at a time


def test_a_function_that_requires_a_profile_fails_with_gradios_message(open_app, source_url):
    page = open_app(source_url("oauth_app.py", OAUTH_APP))
    page.get_by_role("button", name="Members only").click()
    expect(page.get_by_test_id("toast-body")).to_contain_text(
        "This action requires a logged in user. Please sign in and retry.")
    expect(page.get_by_label("Private")).to_have_value("")
    page.get_by_role("button", name="Sign in with Hugging Face").click()  # the app keeps working
    expect(page.get_by_label("Clicks")).to_have_value("1")


def test_gradio_loginbutton_component_demo(open_app, site_url):
    page = open_app(site_url(gradio_demo("loginbutton_component")))
    page.get_by_role("button", name="Sign in with Hugging Face").click()
    expect(page.get_by_test_id("toast-body")).to_contain_text("Sign-in needs a server")
    assert not page.wasmblocks_errors


def test_gradio_hello_login_demo(open_app, site_url):
    page = open_app(site_url(gradio_demo("hello_login")), wait_for="login")
    # What Gradio's own hello_login spec checks.
    expect(page.get_by_role("heading", name="Login")).to_be_visible()
    expect(page.get_by_label("username")).to_be_visible()
    expect(page.get_by_label("password")).to_be_visible()
    page.get_by_label("username").fill("wrong_user")
    page.get_by_label("password").fill("wrong_pass")
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_text("Incorrect Credentials")).to_be_visible()
    expect(page.get_by_role("heading", name="Login")).to_be_visible()
    page.get_by_label("username").fill("admin")
    page.get_by_label("password").fill("admin")
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_role("heading", name="Greetings User!")).to_be_visible()
    expect(page.get_by_role("heading", name="Login")).not_to_be_visible()
    page.get_by_label("Textbox").first.fill("Hello World")
    expect(page.get_by_label("Textbox").last).to_have_value("Hello World")
    assert not page.wasmblocks_errors


def test_auth_function_message_and_request_username(open_app, source_url):
    page = open_app(source_url("auth_app.py", AUTH_APP), wait_for="login")
    expect(page.get_by_text("Your password is your name backwards.")).to_be_visible()
    expect(page.get_by_label("Greeting")).to_have_count(0)  # nothing of the app before a login
    page.get_by_label("username").fill("grace")
    page.get_by_label("password").fill("grace")
    page.get_by_label("password").press("Enter")
    expect(page.get_by_text("Incorrect Credentials")).to_be_visible()
    expect(page.get_by_label("username")).to_have_value("")  # cleared, as Gradio does
    page.get_by_label("username").fill("grace")
    page.get_by_label("password").fill("ecarg")
    page.get_by_role("button", name="Login").click()
    # The app's load event runs only now, and gr.Request knows who logged in.
    expect(page.get_by_label("Greeting")).to_have_value("Hello grace")
    assert page.locator("#wasmblocks-app").get_attribute("data-state") == "ready"
