from django import template
from django.urls import reverse

from portal.core import workflow

register = template.Library()


@register.simple_tag
def review_queue():
    return workflow.review_queue()


@register.simple_tag
def admin_change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


@register.filter
def verbose_name(record):
    return record._meta.verbose_name
