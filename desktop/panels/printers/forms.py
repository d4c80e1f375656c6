"""The per-family fields of the add-printer dialog; each form turns its fields into a PrinterConfig + secret.

The Bambu form makes the certificate choice explicit: by default the printer is checked against Bambu Lab's
own CAs, which the app ships (nothing to choose); another CA file is for proxies and the like; "don't verify"
is a visible option with its risk spelled out next to it, never a silent fallback when verification fails.
`load()` fills a form from a saved printer for "Edit printer"; a secret field left empty then keeps the saved
secret.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.panels.printers.texts import BAD, tr
from desktop.panels.printers.widgets import ToneLabel, named
from printers.base import PrinterConfig, TlsMode
from printers.discovery import MODELS, DiscoveredPrinter
from printers.errors import PrinterConfigError

BAMBU_MODELS = ("X1 Carbon", "X1", "X1E", "P1S", "P1P", "A1", "A1 mini", "H2D")


def _port(default: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, 65535)
    spin.setValue(default)
    return spin


def _required(value: str, what: str) -> str:
    if not value.strip():
        raise PrinterConfigError(tr("Please enter the {0}.").format(what))
    return value.strip()


class BambuForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = named("bambuHost", QLineEdit(placeholderText="192.168.1.50"))
        self.serial = named("bambuSerial", QLineEdit(placeholderText="01P00A000000000"))
        self.access = named("bambuAccess", QLineEdit(echoMode=QLineEdit.EchoMode.Password))
        self.access.setPlaceholderText(tr("8 characters, shown on the printer's screen"))
        self.mqtt_port = _port(8883)
        self.mqtt_port.setObjectName("bambuMqttPort")
        self.ftps_port = _port(990)
        self.ftps_port.setObjectName("bambuFtpsPort")
        ports = QHBoxLayout()
        ports.addWidget(QLabel("MQTT"))
        ports.addWidget(self.mqtt_port)
        ports.addWidget(QLabel("FTPS"))
        ports.addWidget(self.ftps_port)
        ports.addStretch(1)
        self.keep_access = False
        self.model = named("bambuModel", QComboBox(editable=True))
        self.model.addItems(BAMBU_MODELS)
        self.verify_bambu = named("tlsVerify", QRadioButton(tr("Verify with Bambu Lab's certificates (recommended)")))
        self.verify_bambu.setToolTip(tr("The printer's certificate is signed by Bambu Lab and names its serial "
                                        "number; the app ships Bambu Lab's CA certificates to check it."))
        self.verify_ca = named("tlsCustomCa", QRadioButton(tr("Verify with another CA file")))
        self.insecure = named("tlsInsecure", QRadioButton(tr("Don't verify the certificate")))
        self.insecure_warning = ToneLabel(BAD, wordWrap=True)  # placed by the dialog, below its tabs
        self.insecure_warning.setText(tr("Anyone on your network could pretend to be this printer and read its "
                                         "access code. Use only on a network you trust."))
        self.insecure_warning.hide()
        self.insecure.toggled.connect(self.insecure_warning.setVisible)
        self.tls = QButtonGroup(self)
        for button in (self.verify_bambu, self.verify_ca, self.insecure):
            self.tls.addButton(button)
        self.verify_bambu.setChecked(True)
        self.ca_file = named("caFile", QLineEdit(placeholderText=tr("CA bundle (.pem)"), enabled=False))
        browse = QPushButton(tr("Browse…"), enabled=False)
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.verify_ca.toggled.connect(self.ca_file.setEnabled)
        self.verify_ca.toggled.connect(browse.setEnabled)
        form = QFormLayout()
        form.addRow(tr("IP address"), self.host)
        form.addRow(tr("Serial number"), self.serial)
        form.addRow(tr("LAN access code"), self.access)
        form.addRow(tr("Model"), self.model)
        form.addRow(tr("Ports"), ports)
        tls_box = QVBoxLayout()
        tls_box.setSpacing(2)
        tls_box.addWidget(self.verify_bambu)
        tls_box.addWidget(self.verify_ca)
        tls_box.addLayout(ca_row)
        tls_box.addWidget(self.insecure)
        form.addRow(tr("Certificate"), tls_box)
        self.setLayout(form)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Printer CA bundle"), "", tr("Certificates (*.pem *.crt)"))
        if path:
            self.ca_file.setText(path)

    def load(self, config: PrinterConfig) -> None:
        self.host.setText(config.host)
        self.serial.setText(config.serial)
        self.model.setCurrentText(config.model)
        self.mqtt_port.setValue(config.port or 8883)
        self.ftps_port.setValue(config.ftps_port)
        {TlsMode.CUSTOM_CA: self.verify_ca, TlsMode.VERIFY: self.verify_bambu,
         TlsMode.INSECURE: self.insecure}[config.tls_mode].setChecked(True)
        self.ca_file.setText(config.ca_file)
        self.access.setPlaceholderText(tr("Leave empty to keep the saved access code"))
        self.keep_access = True

    def fill(self, found: DiscoveredPrinter) -> None:
        self.host.setText(found.host)
        self.serial.setText(found.serial)
        self.model.setCurrentText(MODELS.get(found.model_code, found.model))
        self.access.setFocus()

    def config(self, name: str) -> tuple[PrinterConfig, str]:
        """Fields are checked in the order they appear, so the first message points at the first gap."""
        host = _required(self.host.text(), tr("IP address"))
        serial = _required(self.serial.text(), tr("serial number")).upper()
        access = self.access.text().strip() if self.keep_access else _required(self.access.text(),
                                                                                tr("LAN access code"))
        mode = TlsMode.INSECURE if self.insecure.isChecked() else (
            TlsMode.CUSTOM_CA if self.verify_ca.isChecked() else TlsMode.VERIFY)
        ca_file = ""
        if mode == TlsMode.CUSTOM_CA:
            ca_file = _required(self.ca_file.text(), tr("CA bundle file (or choose another certificate option)"))
        config = PrinterConfig(name=name, kind="bambu", host=host, port=self.mqtt_port.value(),
                               ftps_port=self.ftps_port.value(), serial=serial,
                               model=self.model.currentText().strip(), tls_mode=mode, ca_file=ca_file)
        return config, access


class BrokerFields:
    """Broker host, port and login: shared by Klipper (Moonraker's MQTT) and the 3D Pot scale."""

    def __init__(self, form: QFormLayout, prefix: str) -> None:
        self.host = named(f"{prefix}Host", QLineEdit(placeholderText="192.168.1.10"))
        self.port = _port(1883)
        self.username = named(f"{prefix}User", QLineEdit())
        self.password = named(f"{prefix}Password", QLineEdit(echoMode=QLineEdit.EchoMode.Password))
        form.addRow(tr("MQTT broker"), self.host)
        form.addRow(tr("Port"), self.port)
        form.addRow(tr("User"), self.username)
        form.addRow(tr("Password"), self.password)

    def load(self, config: PrinterConfig) -> None:
        self.host.setText(config.host)
        self.port.setValue(config.port or 1883)
        self.username.setText(config.username)
        self.password.setPlaceholderText(tr("Leave empty to keep the saved password"))

    def apply(self, config: PrinterConfig) -> tuple[PrinterConfig, str]:
        config.host = _required(self.host.text(), tr("broker address"))
        config.port = self.port.value()
        config.username = self.username.text().strip()
        return config, self.password.text()


class MoonrakerForm(QWidget):
    """Two ways in, the first the default: Moonraker's own API (what Mainsail and Fluidd use; it works on every
    Klipper install) or its MQTT bridge, only for installs whose moonraker.conf has an `[mqtt]` section. Each
    choice says in a line what it needs, and only its fields are shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api = named("moonrakerApi", QRadioButton(tr("Moonraker's API (recommended)")))
        self.mqtt = named("moonrakerMqtt", QRadioButton(tr("Moonraker's MQTT bridge")))
        self.how = named("muted", QLabel(wordWrap=True))
        self.host = named("moonrakerHost", QLineEdit(placeholderText="192.168.1.60"))
        self.http_port = _port(7125)
        self.http_port.setObjectName("moonrakerPort")
        self.api_key = named("moonrakerApiKey", QLineEdit(echoMode=QLineEdit.EchoMode.Password))
        self.api_key.setPlaceholderText(tr("Only if Moonraker asks for one"))
        self.api_key.setToolTip(tr("Moonraker's API key (Mainsail or Fluidd: Settings → API key); not needed "
                                   "when this computer is in trusted_clients"))
        printer = QFormLayout()
        printer.addRow(tr("Printer address"), self.host)
        printer.addRow(tr("Moonraker port"), self.http_port)
        self.key_part = QWidget()
        key_form = QFormLayout(self.key_part)
        key_form.setContentsMargins(0, 0, 0, 0)
        key_form.addRow(tr("API key"), self.api_key)
        self.mqtt_part = QWidget()
        mqtt_form = QFormLayout(self.mqtt_part)
        mqtt_form.setContentsMargins(0, 0, 0, 0)
        self.broker = BrokerFields(mqtt_form, "moonraker")
        self.instance = named("moonrakerInstance", QLineEdit(placeholderText="voron"))
        self.instance.setToolTip(tr("The instance_name from the [mqtt] section of moonraker.conf"))
        mqtt_form.addRow(tr("Instance name"), self.instance)
        choice = QButtonGroup(self)
        choice.addButton(self.api)
        choice.addButton(self.mqtt)
        lay = QVBoxLayout(self)
        lay.addWidget(self.api)
        lay.addWidget(self.mqtt)
        lay.addWidget(self.how)
        lay.addLayout(printer)
        lay.addWidget(self.key_part)
        lay.addWidget(self.mqtt_part)
        self.mqtt.toggled.connect(self._show_way)
        self.api.setChecked(True)
        self._show_way()

    def _show_way(self) -> None:
        mqtt = self.mqtt.isChecked()
        self.how.setText(tr("Uses the printer's MQTT broker: only for installs whose moonraker.conf has an [mqtt] "
                            "section. Files are still sent to Moonraker's port.") if mqtt else
                         tr("Connects straight to Moonraker on the printer, as Mainsail and Fluidd do: works on "
                            "every Klipper install."))
        self.key_part.setVisible(not mqtt)
        self.mqtt_part.setVisible(mqtt)

    def load(self, config: PrinterConfig) -> None:
        mqtt = bool(config.instance)
        (self.mqtt if mqtt else self.api).setChecked(True)
        # MQTT printers saved before the address field uploaded to the broker's host: keep that as the default
        self.host.setText(str(config.extra.get("moonraker_host", config.host)))
        self.http_port.setValue(config.http_port)
        if mqtt:
            self.broker.load(config)
            self.instance.setText(config.instance)
        self.api_key.setPlaceholderText(tr("Leave empty to keep the saved key"))

    def config(self, name: str) -> tuple[PrinterConfig, str]:
        host = _required(self.host.text(), tr("printer address"))
        if not self.mqtt.isChecked():
            config = PrinterConfig(name=name, kind="moonraker", host=host, http_port=self.http_port.value(),
                                   bed=(300.0, 300.0, 300.0))
            return config, self.api_key.text().strip()
        config = PrinterConfig(name=name, kind="moonraker", instance=_required(self.instance.text(),
                                                                                tr("instance name")),
                               http_port=self.http_port.value(), bed=(300.0, 300.0, 300.0),
                               extra={"moonraker_host": host})
        return self.broker.apply(config)


class ScaleForm(QWidget):
    def __init__(self, printers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.broker = BrokerFields(form, "scale")
        self.assigned = named("scaleAssigned", QComboBox())
        self.assigned.addItem(tr("No printer"), "")
        for name in printers:
            self.assigned.addItem(name, name)
        form.addRow(tr("Show its filament on"), self.assigned)

    def load(self, config: PrinterConfig) -> None:
        self.broker.load(config)
        self.assigned.setCurrentIndex(max(0, self.assigned.findData(config.assigned_to)))

    def config(self, name: str) -> tuple[PrinterConfig, str]:
        config = PrinterConfig(name=name, kind="potscale", assigned_to=str(self.assigned.currentData() or ""))
        return self.broker.apply(config)
