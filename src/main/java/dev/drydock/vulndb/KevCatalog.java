package dev.drydock.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** CISA's Known Exploited Vulnerabilities catalogue (https://www.cisa.gov/known-exploited-vulnerabilities-catalog), JSON feed. */
record KevCatalog(String catalogVersion, String dateReleased, List<Entry> entries) {

    record Entry(String cve, String vendor, String product, String name, String dateAdded, String dueDate, String ransomware) {
    }

    static boolean looksLikeKev(JsonNode n) {
        return n.isObject() && n.has("catalogVersion") && n.path("vulnerabilities").isArray();
    }

    static KevCatalog parse(JsonNode n) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode v : n.get("vulnerabilities")) {
            String cve = OsvRecords.text(v, "cveID");
            if (cve != null && !cve.isBlank()) {
                out.add(new Entry(cve.strip(), OsvRecords.text(v, "vendorProject"), OsvRecords.text(v, "product"),
                        OsvRecords.text(v, "vulnerabilityName"), OsvRecords.text(v, "dateAdded"), OsvRecords.text(v, "dueDate"),
                        OsvRecords.text(v, "knownRansomwareCampaignUse")));
            }
        }
        return new KevCatalog(OsvRecords.text(n, "catalogVersion"), OsvRecords.text(n, "dateReleased"), out);
    }
}
