# summitbot in a container: a static binary on a minimal base image, run as
# a non-root user, with the corpus, the index and the moderation log in the
# /data volume.
#
#   docker build -t summitbot .
#   docker run -d --name summitbot --env-file .env -e INTERACTIONS_ADDR=:8080 \
#     -v summitbot-data:/data -p 127.0.0.1:8080:8080 -p 127.0.0.1:9090:9090 summitbot
#   docker exec summitbot /summitbot add https://example.org/story
#   docker exec summitbot /summitbot log
#
# The .env file must not set CORPUS_DIR, INDEX_DIR or MODLOG_FILE (they are
# set below, under /data).

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/summitbot . \
    && mkdir -p /out/data/corpus /out/data/index

# distroless/static: CA certificates, time zones and a nonroot user
# (65532), no shell and no package manager.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/summitbot /summitbot
COPY --from=build --chown=65532:65532 /out/data /data
ENV CORPUS_DIR=/data/corpus \
    INDEX_DIR=/data/index \
    MODLOG_FILE=/data/modlog.jsonl \
    METRICS_ADDR=:9090
USER 65532:65532
WORKDIR /data
VOLUME ["/data"]
# 8080: the HTTP interactions endpoint when INTERACTIONS_ADDR=:8080;
# 9090: /metrics and /healthz.
EXPOSE 8080 9090
# No curl in the image: the binary checks /healthz itself.
HEALTHCHECK --interval=30s --timeout=10s --start-period=2m --retries=3 CMD ["/summitbot", "healthcheck"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/summitbot"]
CMD ["serve"]
