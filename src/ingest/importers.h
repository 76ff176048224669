// One accessor per importer: each returns the single instance of its class, defined in
// the file named beside it. The registry (ingest.cc) lists them in this order.
#pragma once

#include "ingest/ingest.h"

namespace addio {

const Importer&
LedgerImporter();  // ledger_importer.cc: the canonical addio-ledger/1 JSON or CSV folder
const Importer& TogglImporter();     // toggl.cc: Toggl Track detailed CSV
const Importer& ClockifyImporter();  // clockify.cc: Clockify detailed CSV
const Importer& HarvestImporter();   // harvest.cc: Harvest time report CSV
const Importer& KimaiImporter();     // kimai.cc: Kimai CSV
// The invoicing tools: one table entry each in invoicing_tools.cc, read by one importer.
const Importer& InvoiceNinjaImporter();  // Invoice Ninja invoices/payments/clients CSV
const Importer& FreshBooksImporter();    // FreshBooks CSV
const Importer& WaveImporter();          // Wave CSV
const Importer& ZohoImporter();          // Zoho Invoice CSV
const Importer& Invoice2goImporter();    // Invoice2go CSV
const Importer& InvoicelyImporter();     // Invoicely CSV
const Importer& FatturaPaImporter();     // fatturapa.cc: FatturaPA XML / .xml.p7m
const Importer& CamtImporter();          // camt.cc: ISO 20022 camt.053/054
const Importer& OfxImporter();           // ofx.cc: OFX
const Importer& IcsImporter();           // ics.cc: iCalendar
const Importer& MboxImporter();          // mbox.cc: mbox mailbox
const Importer& EmlImporter();           // eml.cc: single .eml message
const Importer& MappedCsvImporter();     // mapped_csv.cc: generic CSV with a TOML mapping

}  // namespace addio
