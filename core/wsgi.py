"""For several web workers under a WSGI server: `gunicorn -w 4 -b 0.0.0.0:8069 core.wsgi:app`."""
from core.app import create_app
from core.memory import give_back, settle

app = create_app()
give_back()
settle()
