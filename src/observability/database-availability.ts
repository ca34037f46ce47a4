// Whether the database is answering, as the server last saw it: requests that failed with
// SERVICE_UNAVAILABLE or readiness probes turn it off, successful database work turns it on.
// Each change is logged once (not once per failed request) and exposed as a metric.
import type { Logger } from "./logger";

export class DatabaseAvailability {
  private available = true;

  constructor(private readonly logger: Logger) {}

  get isAvailable(): boolean {
    return this.available;
  }

  failed(reason: string): void {
    if (!this.available) return;
    this.available = false;
    this.logger.warn({ reason }, "database unavailable: requests fail with SERVICE_UNAVAILABLE until it answers again");
  }

  succeeded(): void {
    if (this.available) return;
    this.available = true;
    this.logger.info("database available again");
  }
}
