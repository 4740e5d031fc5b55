# The playground as one container: `docker build -t nn-playground . && docker run -p 8501:8501 nn-playground`
# then open http://localhost:8501. Several replicas behind a load balancer need sticky sessions (see README).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Requirements first, so a code change does not reinstall them.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# No root at run time.
RUN useradd --create-home --uid 10001 playground
USER playground

EXPOSE 8501

# python:3.11-slim has no curl: ask Streamlit's health endpoint with Python itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

CMD ["streamlit", "run", "app.py", "--server.address", "0.0.0.0"]
