# milkbot in a container: a build stage with the Rust toolchain, and a small runtime
# stage with just the binary. Data lives in /data (SQLite) unless DATABASE_URL says
# otherwise.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src src
COPY migrations migrations
COPY content content
COPY models models
COPY assets assets
COPY benches benches
RUN cargo build --release --locked --bin milkbot

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /data milkbot
COPY --from=build /src/target/release/milkbot /usr/local/bin/milkbot
USER milkbot
WORKDIR /data
ENV DATABASE_URL=sqlite:///data/milkbot.db \
    MILKBOT_HEALTH_ADDR=0.0.0.0:9090
VOLUME ["/data"]
# 8080: the webhook (webhook mode); 9090: /healthz and /metrics.
EXPOSE 8080 9090
ENTRYPOINT ["milkbot"]
CMD ["run"]
