<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
  <context>
    <name>ConfigDialog</name>
    <message>
      <location filename="../config.py" line="106" />
      <source>Using configuration file at:</source>
      <translation>Nutze Konfigurationsdatei aus folgendem Verzeichnis:</translation>
    </message>
    <message>
      <location filename="../config.py" line="131" />
      <source>Behavior</source>
      <translation>Verhalten</translation>
    </message>
    <message>
      <location filename="../config.py" line="132" />
      <source>Automatically save documents</source>
      <translation>Dokumente automatisch speichern</translation>
    </message>
    <message>
      <location filename="../config.py" line="133" />
      <source>Automatically open last documents on startup</source>
      <translation>Zuletzt bearbeitete Dokumente automatisch bei Programmstart öffnen</translation>
    </message>
    <message>
      <location filename="../config.py" line="134" />
      <source>Number of recent documents</source>
      <translation>Anzahl zuletzt geöffneter Dokumente</translation>
    </message>
    <message>
      <location filename="../config.py" line="135" />
      <source>Restore window geometry</source>
      <translation>Fenster-Dimensionierung merken</translation>
    </message>
    <message>
      <location filename="../config.py" line="136" />
      <source>Default preview state</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../config.py" line="137" />
      <source>Open external links in ReText window</source>
      <translation>Externe Verweise im ReText-Fenster öffnen</translation>
    </message>
    <message>
      <location filename="../config.py" line="138" />
      <source>Markdown syntax extensions (comma-separated)</source>
      <translation>Erweiterungen für Markdown-Syntax (durch Kommata getrennt)</translation>
    </message>
    <message>
      <location filename="../config.py" line="139" />
      <source>Enable synchronized scrolling for Markdown</source>
      <translation>Aktiviere für Markdown synchrones Scrollen</translation>
    </message>
    <message>
      <location filename="../config.py" line="205" />
      <location filename="../config.py" line="143" />
      <source>Editor</source>
      <translation>Editor</translation>
    </message>
    <message>
      <location filename="../config.py" line="144" />
      <source>Highlight current line</source>
      <translation>Aktuelle Zeile hervorheben</translation>
    </message>
  </context>
  <context>
    <name>ReTextTab</name>
    <message>
      <location filename="../tab.py" line="174" />
      <source>New document</source>
      <translation>Neues Dokument</translation>
    </message>
    <message>
      <location filename="../tab.py" line="179" />
      <source>Could not parse file contents, check if you have the &lt;a href="%s"&gt;necessary module&lt;/a&gt; installed!</source>
      <translation>Konnte den Dateiinhalt nicht parsen. Überprüfen Sie, ob das &lt;a href="%s"&gt;benötigte Modul&lt;/a&gt; installiert ist!</translation>
    </message>
    <message>
      <location filename="../tab.py" line="489" />
      <source>Create missing file?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../tab.py" line="490" />
      <source>The file '%s' does not exist.

Do you want to create it?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../tab.py" line="523" />
      <source>File could not be created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../tab.py" line="524" />
      <source>Could not create file '%s': %s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReTextWindow</name>
    <message>
      <location filename="../window.py" line="346" />
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <location filename="../window.py" line="347" />
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <location filename="../window.py" line="635" />
      <location filename="../window.py" line="592" />
      <source>New document</source>
      <translation>Neues Dokument</translation>
    </message>
    <message>
      <location filename="../window.py" line="1342" />
      <location filename="../window.py" line="934" />
      <source>All files (*)</source>
      <translation>Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../window.py" line="996" />
      <source>%s files</source>
      <comment>Example of final string: Markdown files</comment>
      <translation>%s-Dateien</translation>
    </message>
    <message>
      <location filename="../window.py" line="1066" />
      <location filename="../window.py" line="1010" />
      <source>Save file</source>
      <translation>Datei speichern</translation>
    </message>
    <message>
      <location filename="../window.py" line="1056" />
      <source>Export document to ODT</source>
      <translation>Dokument als ODT exportieren</translation>
    </message>
    <message>
      <location filename="../window.py" line="1133" />
      <source>Print document</source>
      <translation>Dokument drucken</translation>
    </message>
  </context>
</TS>
