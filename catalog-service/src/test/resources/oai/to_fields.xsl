<?xml version="1.0" encoding="UTF-8"?>
<!-- For the harvester in the tests: the titles of an oai_dc or a JATS record as fields the XOAI client reads. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:j="https://jats.nlm.nih.gov/ns/archiving/1.3/">
  <xsl:template match="/">
    <metadata xmlns="http://www.lyncode.com/xoai">
      <element name="record">
        <xsl:for-each select="//dc:title | //j:article-title | //j:trans-title">
          <field name="title"><xsl:value-of select="."/></field>
        </xsl:for-each>
      </element>
    </metadata>
  </xsl:template>
</xsl:stylesheet>
