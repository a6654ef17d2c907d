"""The baseline of the load benchmark: the least a Flask app can do, served the same way."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello"
