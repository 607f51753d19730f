"""REST endpoints of the directory: organizations and people, for members of the Network."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets

from enlace.api.permissions import IsNetworkMember
from enlace.core.inputs import parse_int
from enlace.directory.filters import PersonFilter
from enlace.directory.models import Organization
from enlace.directory.selectors import get_person_for_user, people_for_user

User = get_user_model()


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["code", "kind", "name_es", "name_en", "acronym_es", "acronym_en", "iso3"]


class PersonSerializer(serializers.ModelSerializer):
    organization = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    name = serializers.CharField(source="get_full_name", read_only=True)

    class Meta:
        model = User
        fields = [
            "id",
            "name",
            "first_name",
            "last_name",
            "email",
            "organization",
            "role",
            "position",
            "language",
        ]


@extend_schema(tags=["directory"])
class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    """Member states and organizations of the Network."""

    serializer_class = OrganizationSerializer
    permission_classes = [IsNetworkMember]
    lookup_field = "code"
    queryset = Organization.objects.filter(is_active=True).order_by("kind", "code")


@extend_schema(tags=["directory"])
class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """People of the Network (active ones; the administrator may ask for ?status=inactive or all), with the
    people page's filters."""

    serializer_class = PersonSerializer
    permission_classes = [IsNetworkMember]
    filter_backends = [DjangoFilterBackend]
    filterset_class = PersonFilter  # the people page's filters

    def get_queryset(self):
        return people_for_user(self.request.user)

    def get_object(self):
        # A person's own address ignores the list's filters: active accounts only, as on the people page.
        person_id = parse_int(self.kwargs["pk"], minimum=1)
        if person_id is None:
            raise Http404
        return get_person_for_user(self.request.user, person_id)
