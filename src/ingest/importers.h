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
const Importer&
InvoiceNinjaImporter();  // invoiceninja.cc: Invoice Ninja invoices/payments/clients CSV
const Importer& FreshBooksImporter();  // freshbooks.cc: FreshBooks CSV
const Importer& WaveImporter();        // wave.cc: Wave CSV
const Importer& ZohoImporter();        // zoho.cc: Zoho Invoice CSV
const Importer& Invoice2goImporter();  // invoice2go.cc: Invoice2go CSV
const Importer& InvoicelyImporter();   // invoicely.cc: Invoicely CSV
const Importer& FatturaPaImporter();   // fatturapa.cc: FatturaPA XML / .xml.p7m
const Importer& CamtImporter();        // camt.cc: ISO 20022 camt.053/054
const Importer& OfxImporter();         // ofx.cc: OFX
const Importer& IcsImporter();         // ics.cc: iCalendar
const Importer& MboxImporter();        // mbox.cc: mbox mailbox
const Importer& EmlImporter();         // eml.cc: single .eml message
const Importer& MappedCsvImporter();   // mapped_csv.cc: generic CSV with a TOML mapping

}  // namespace addio
