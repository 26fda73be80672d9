package dev.aegis.serveraudit;

import static dev.aegis.serveraudit.Framework.CIS;
import static dev.aegis.serveraudit.Framework.GDPR;
import static dev.aegis.serveraudit.Framework.HIPAA;
import static dev.aegis.serveraudit.Framework.ISO27001;
import static dev.aegis.serveraudit.Framework.OWASP;
import static dev.aegis.serveraudit.Framework.PCI_DSS;
import static dev.aegis.serveraudit.Framework.SOX;

/**
 * The framework requirements the checks cite, in one place so each reads the same everywhere. CIS numbers
 * follow the CIS MariaDB 10.6 Benchmark v1.0.0; the Oracle MySQL 8.0 Benchmark has the same recommendations
 * under the same titles, some under other numbers (docs/audit.md). SOX prescribes no technical controls: its
 * entries are the IT general control areas auditors test, named as Aegis groups them.
 */
final class Controls {
  private Controls() {}

  // CIS
  static final Control CIS_PITR = new Control(CIS, "2.1.5", "Point-in-Time Recovery");
  static final Control CIS_CRYPTO_MATERIAL = new Control(CIS, "2.5",
      "Ensure Non-Default, Unique Cryptographic Material is in Use");
  static final Control CIS_PASSWORD_LIFETIME = new Control(CIS, "2.6",
      "Ensure 'password_lifetime' is Less Than or Equal to '365'");
  static final Control CIS_TLS_VERSIONS = new Control(CIS, "2.10",
      "Limit Accepted Transport Layer Security (TLS) Versions");
  static final Control CIS_CIPHERS = new Control(CIS, "2.12", "Ensure Only Approved Ciphers are Used");
  static final Control CIS_TEST_DB = new Control(CIS, "4.2",
      "Ensure Example or Test Databases are Not Installed on Production Servers");
  static final Control CIS_LOCAL_INFILE = new Control(CIS, "4.4", "Harden Usage for 'local_infile'");
  static final Control CIS_SECURE_FILE_PRIV = new Control(CIS, "4.7",
      "Ensure the 'secure_file_priv' is Configured Correctly");
  static final Control CIS_SQL_MODE = new Control(CIS, "4.8", "Ensure 'sql_mode' Contains 'STRICT_ALL_TABLES'");
  static final Control CIS_AT_REST = new Control(CIS, "4.9", "Enable data-at-rest encryption");
  static final Control CIS_FULL_ACCESS = new Control(CIS, "5.1",
      "Ensure Only Administrative Users Have Full Database Access");
  static final Control CIS_FILE = new Control(CIS, "5.2", "Ensure 'FILE' is Not Granted to Non-Administrative Users");
  static final Control CIS_PROCESS = new Control(CIS, "5.3",
      "Ensure 'PROCESS' is Not Granted to Non-Administrative Users");
  static final Control CIS_SUPER = new Control(CIS, "5.4", "Ensure 'SUPER' is Not Granted to Non-Administrative Users");
  static final Control CIS_SHUTDOWN = new Control(CIS, "5.5",
      "Ensure 'SHUTDOWN' is Not Granted to Non-Administrative Users");
  static final Control CIS_CREATE_USER = new Control(CIS, "5.6",
      "Ensure 'CREATE USER' is Not Granted to Non-Administrative Users");
  static final Control CIS_GRANT_OPTION = new Control(CIS, "5.7",
      "Ensure 'GRANT OPTION' is Not Granted to Non-Administrative Users");
  static final Control CIS_DML_SCOPE = new Control(CIS, "5.9",
      "Ensure DML/DDL Grants are Limited to Specific Databases and Users");
  static final Control CIS_AUDIT_LOG = new Control(CIS, "6.4", "Ensure Audit Logging Is Enabled");
  static final Control CIS_BINLOG_ENCRYPTION = new Control(CIS, "6.6", "Ensure Binary and Relay Logs are Encrypted");
  static final Control CIS_OLD_PASSWORD = new Control(CIS, "7.1", "Disable use of the mysql_old_password plugin");
  static final Control CIS_STRONG_AUTH = new Control(CIS, "7.3",
      "Ensure strong authentication is utilized for all accounts");
  static final Control CIS_COMPLEXITY = new Control(CIS, "7.4", "Ensure Password Complexity Policies are in Place");
  static final Control CIS_WILDCARD = new Control(CIS, "7.5", "Ensure No Users Have Wildcard Hostnames");
  static final Control CIS_ANONYMOUS = new Control(CIS, "7.6", "Ensure No Anonymous Accounts Exist");
  static final Control CIS_SECURE_TRANSPORT = new Control(CIS, "8.1",
      "Ensure 'require_secure_transport' is Set to 'ON' and 'have_ssl' is Set to 'YES'");
  static final Control CIS_REMOTE_SSL = new Control(CIS, "8.2",
      "Ensure 'ssl_type' is Set to 'ANY', 'X509', or 'SPECIFIED' for All Remote Users");

  // OWASP Top 10 (2021)
  static final Control OWASP_ACCESS = new Control(OWASP, "A01:2021", "Broken Access Control");
  static final Control OWASP_CRYPTO = new Control(OWASP, "A02:2021", "Cryptographic Failures");
  static final Control OWASP_INJECTION = new Control(OWASP, "A03:2021", "Injection");
  static final Control OWASP_MISCONFIG = new Control(OWASP, "A05:2021", "Security Misconfiguration");
  static final Control OWASP_AUTH = new Control(OWASP, "A07:2021", "Identification and Authentication Failures");
  static final Control OWASP_LOGGING = new Control(OWASP, "A09:2021", "Security Logging and Monitoring Failures");

  // PCI DSS v4.0
  static final Control PCI_DEFAULT_ACCOUNTS = new Control(PCI_DSS, "2.2.2", "Vendor default accounts are managed");
  static final Control PCI_NECESSARY = new Control(PCI_DSS, "2.2.4",
      "Only necessary services, protocols, daemons and functions are enabled");
  static final Control PCI_ADMIN_ENCRYPTED = new Control(PCI_DSS, "2.2.7",
      "All non-console administrative access is encrypted using strong cryptography");
  static final Control PCI_PAN_UNREADABLE = new Control(PCI_DSS, "3.5.1",
      "PAN is rendered unreadable anywhere it is stored");
  static final Control PCI_CRYPTOPERIOD = new Control(PCI_DSS, "3.7.4",
      "Cryptographic keys are changed at the end of their cryptoperiod");
  static final Control PCI_TRANSMISSION = new Control(PCI_DSS, "4.2.1",
      "Strong cryptography and valid certificates protect data in transmission");
  static final Control PCI_ATTACK_DETECTION = new Control(PCI_DSS, "6.4.2",
      "An automated technical solution detects and prevents attacks");
  static final Control PCI_LEAST_PRIVILEGE = new Control(PCI_DSS, "7.2.2",
      "Access is assigned on least privileges necessary");
  static final Control PCI_UNIQUE_ID = new Control(PCI_DSS, "8.2.1", "All users are assigned a unique ID");
  static final Control PCI_AUTHENTICATED = new Control(PCI_DSS, "8.3.1", "All user access is authenticated");
  static final Control PCI_FACTORS_PROTECTED = new Control(PCI_DSS, "8.3.2",
      "Strong cryptography renders authentication factors unreadable in transmission and storage");
  static final Control PCI_LOCKOUT = new Control(PCI_DSS, "8.3.4",
      "Invalid authentication attempts are limited (lock-out after not more than 10)");
  static final Control PCI_PASSWORD_STRENGTH = new Control(PCI_DSS, "8.3.6",
      "Passwords meet minimum complexity (12 characters, numbers and letters)");
  static final Control PCI_PASSWORD_CHANGE = new Control(PCI_DSS, "8.3.9",
      "Passwords are changed at least once every 90 days");
  static final Control PCI_AUDIT_LOGS = new Control(PCI_DSS, "10.2.1", "Audit logs are enabled and active");
  static final Control PCI_LOG_RETENTION = new Control(PCI_DSS, "10.5.1",
      "Audit log history is retained for at least 12 months");

  // GDPR
  static final Control GDPR_BY_DESIGN = new Control(GDPR, "Art. 25(1)", "Data protection by design and by default");
  static final Control GDPR_ENCRYPTION = new Control(GDPR, "Art. 32(1)(a)", "Pseudonymisation and encryption");
  static final Control GDPR_CONFIDENTIALITY = new Control(GDPR, "Art. 32(1)(b)",
      "Ongoing confidentiality and integrity of processing systems");
  static final Control GDPR_RESTORE = new Control(GDPR, "Art. 32(1)(c)",
      "Ability to restore availability and access to personal data");
  static final Control GDPR_BREACH = new Control(GDPR, "Art. 33", "Notification of a personal data breach");

  // HIPAA Security Rule
  static final Control HIPAA_ACCESS = new Control(HIPAA, "164.312(a)(1)", "Access control");
  static final Control HIPAA_UNIQUE_ID = new Control(HIPAA, "164.312(a)(2)(i)", "Unique user identification");
  static final Control HIPAA_AT_REST = new Control(HIPAA, "164.312(a)(2)(iv)", "Encryption and decryption");
  static final Control HIPAA_AUDIT = new Control(HIPAA, "164.312(b)", "Audit controls");
  static final Control HIPAA_INTEGRITY = new Control(HIPAA, "164.312(c)(1)", "Integrity");
  static final Control HIPAA_AUTHENTICATION = new Control(HIPAA, "164.312(d)", "Person or entity authentication");
  static final Control HIPAA_TRANSMISSION = new Control(HIPAA, "164.312(e)(1)", "Transmission security");
  static final Control HIPAA_PASSWORDS = new Control(HIPAA, "164.308(a)(5)(ii)(D)", "Password management");
  static final Control HIPAA_LOGIN_MONITORING = new Control(HIPAA, "164.308(a)(5)(ii)(C)", "Log-in monitoring");
  static final Control HIPAA_BACKUP = new Control(HIPAA, "164.308(a)(7)(ii)(A)", "Data backup plan");

  // SOX IT general controls
  static final Control SOX_PRIVILEGED = new Control(SOX, "ITGC-AC-1",
      "Privileged access is restricted to authorised administrators");
  static final Control SOX_AUTHENTICATION = new Control(SOX, "ITGC-AC-2",
      "Every access is authenticated and attributable to one person or system");
  static final Control SOX_CONFIGURATION = new Control(SOX, "ITGC-CM-1",
      "The secure configuration baseline is maintained");
  static final Control SOX_LOGGING = new Control(SOX, "ITGC-OP-1", "Security-relevant activity is logged and kept");
  static final Control SOX_RECOVERY = new Control(SOX, "ITGC-OP-2", "Data can be recovered to a point in time");
  static final Control SOX_DATA_PROTECTION = new Control(SOX, "ITGC-OP-3",
      "Financial data is protected in transit and at rest");

  // ISO/IEC 27001:2022 Annex A
  static final Control ISO_ACCESS = new Control(ISO27001, "A.5.15", "Access control");
  static final Control ISO_IDENTITY = new Control(ISO27001, "A.5.16", "Identity management");
  static final Control ISO_AUTH_INFO = new Control(ISO27001, "A.5.17", "Authentication information");
  static final Control ISO_PRIVILEGED = new Control(ISO27001, "A.8.2", "Privileged access rights");
  static final Control ISO_SECURE_AUTH = new Control(ISO27001, "A.8.5", "Secure authentication");
  static final Control ISO_CONFIGURATION = new Control(ISO27001, "A.8.9", "Configuration management");
  static final Control ISO_LEAKAGE = new Control(ISO27001, "A.8.12", "Data leakage prevention");
  static final Control ISO_BACKUP = new Control(ISO27001, "A.8.13", "Information backup");
  static final Control ISO_LOGGING = new Control(ISO27001, "A.8.15", "Logging");
  static final Control ISO_MONITORING = new Control(ISO27001, "A.8.16", "Monitoring activities");
  static final Control ISO_NETWORK = new Control(ISO27001, "A.8.20", "Networks security");
  static final Control ISO_CRYPTOGRAPHY = new Control(ISO27001, "A.8.24", "Use of cryptography");
}
